package dev.farminglabs.orm.schema;

/** A field's reference to a field of another model, as in {@code .references("billingAccount.id")}. */
public record FieldReference(String model, String field) {

	@Override
	public String toString() {
		return this.model + "." + this.field;
	}

}
