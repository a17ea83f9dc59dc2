/**
 * The farming-orm conformance suite: the fixture schema ({@link dev.farminglabs.orm.tck.TckSchema}) and the
 * abstract tests every driver runs. A driver runs all of it with one class: {@code class MyTckTest extends OrmTck}.
 */
@NullMarked
package dev.farminglabs.orm.tck;

import org.jspecify.annotations.NullMarked;
