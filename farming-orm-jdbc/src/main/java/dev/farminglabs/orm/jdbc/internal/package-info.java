@NullMarked
package dev.farminglabs.orm.jdbc.internal;

import org.jspecify.annotations.NullMarked;
