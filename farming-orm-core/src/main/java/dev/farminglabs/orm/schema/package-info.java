@NullMarked
package dev.farminglabs.orm.schema;

import org.jspecify.annotations.NullMarked;
