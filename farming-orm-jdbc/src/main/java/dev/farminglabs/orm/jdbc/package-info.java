@NullMarked
package dev.farminglabs.orm.jdbc;

import org.jspecify.annotations.NullMarked;
