/** The MongoDB driver's implementation: public for technical reasons, not API. */
@NullMarked
package dev.farminglabs.orm.mongodb.internal;

import org.jspecify.annotations.NullMarked;
