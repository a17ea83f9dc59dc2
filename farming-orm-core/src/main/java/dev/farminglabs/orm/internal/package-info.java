/**
 * Implementation of the client. Public only for technical reasons; not API, may change in any release.
 */
@NullMarked
package dev.farminglabs.orm.internal;

import org.jspecify.annotations.NullMarked;
