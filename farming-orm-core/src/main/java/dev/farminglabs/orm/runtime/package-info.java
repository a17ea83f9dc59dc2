@NullMarked
package dev.farminglabs.orm.runtime;

import org.jspecify.annotations.NullMarked;
