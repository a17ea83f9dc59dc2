@NullMarked
package dev.farminglabs.orm.codec;

import org.jspecify.annotations.NullMarked;
