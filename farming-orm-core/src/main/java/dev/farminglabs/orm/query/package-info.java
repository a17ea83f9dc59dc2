@NullMarked
package dev.farminglabs.orm.query;

import org.jspecify.annotations.NullMarked;
