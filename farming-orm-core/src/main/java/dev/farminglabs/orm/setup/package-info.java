@NullMarked
package dev.farminglabs.orm.setup;

import org.jspecify.annotations.NullMarked;
