@NullMarked
package dev.farminglabs.orm.error;

import org.jspecify.annotations.NullMarked;
