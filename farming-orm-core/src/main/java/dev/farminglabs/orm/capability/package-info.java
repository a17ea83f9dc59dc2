@NullMarked
package dev.farminglabs.orm.capability;

import org.jspecify.annotations.NullMarked;
