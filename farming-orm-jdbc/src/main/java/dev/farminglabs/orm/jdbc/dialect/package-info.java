@NullMarked
package dev.farminglabs.orm.jdbc.dialect;

import org.jspecify.annotations.NullMarked;
