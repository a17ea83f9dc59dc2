@NullMarked
package dev.farminglabs.orm.memory;

import org.jspecify.annotations.NullMarked;
