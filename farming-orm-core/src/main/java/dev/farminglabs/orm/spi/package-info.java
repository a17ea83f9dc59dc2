@NullMarked
package dev.farminglabs.orm.spi;

import org.jspecify.annotations.NullMarked;
