/** The DynamoDB driver's implementation: public for technical reasons only, not API. */
@NullMarked
package dev.farminglabs.orm.dynamodb.internal;

import org.jspecify.annotations.NullMarked;
