@NullMarked
package dev.farminglabs.orm.client;

import org.jspecify.annotations.NullMarked;
