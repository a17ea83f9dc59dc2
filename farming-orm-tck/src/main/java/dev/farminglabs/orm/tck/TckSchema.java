package dev.farminglabs.orm.tck;

import static dev.farminglabs.orm.schema.SchemaDsl.bigint;
import static dev.farminglabs.orm.schema.SchemaDsl.bool;
import static dev.farminglabs.orm.schema.SchemaDsl.datetime;
import static dev.farminglabs.orm.schema.SchemaDsl.decimal;
import static dev.farminglabs.orm.schema.SchemaDsl.enumeration;
import static dev.farminglabs.orm.schema.SchemaDsl.id;
import static dev.farminglabs.orm.schema.SchemaDsl.integer;
import static dev.farminglabs.orm.schema.SchemaDsl.json;
import static dev.farminglabs.orm.schema.SchemaDsl.model;
import static dev.farminglabs.orm.schema.SchemaDsl.string;

import dev.farminglabs.orm.schema.FrameworkSchema;

/**
 * The fixture every driver is tested with: every field kind, mapped columns, nullable JSON, enums with defaults,
 * integer ids (manual and generated), compound uniques, indexes, references, all four relation kinds, and the seven
 * framework models of {@link FrameworkModels}.
 *
 * <ul>
 * <li>{@code user} — string id, unique email (max 200), mapped columns ({@code nickname → nick_name},
 * {@code createdAt → created_at}), bool/enum defaults, nullable integer, decimal, bigint and JSON; has many
 * {@code post}, has one {@code profile}.</li>
 * <li>{@code profile} — belongs to {@code user} through a unique reference.</li>
 * <li>{@code post} — belongs to {@code user}; compound unique {@code (authorId, slug)}; index
 * {@code (status, publishedAt)}; many-to-many {@code tags} through {@code postTag}.</li>
 * <li>{@code tag} — generated integer id ({@code id().increment()}).</li>
 * <li>{@code postTag} — the join model, referencing both sides, unique {@code (postId, tagId)}.</li>
 * <li>{@code counter} — manual integer id ({@code id().integer()}) and a bigint.</li>
 * <li>{@code sample} — one field of each kind, non-null, for value round trips.</li>
 * </ul>
 */
public final class TckSchema {

	private TckSchema() {
	}

	/** The fixture schema, named {@code tck}. */
	public static final FrameworkSchema SCHEMA = FrameworkModels.addTo(FrameworkSchema.builder("tck")
		.model("user", model("tck_users")
			.field("id", id())
			.field("email", string().unique().maxLength(200))
			.field("name", string())
			.field("nickname", string().nullable().column("nick_name"))
			.field("active", bool().defaultValue(true))
			.field("role", enumeration("admin", "member", "guest").defaultValue("member"))
			.field("age", integer().nullable())
			.field("balance", decimal().nullable())
			.field("score", bigint().nullable())
			.field("preferences", json().nullable())
			.field("createdAt", datetime().defaultNow().column("created_at"))
			.index("name")
			.hasMany("posts", "post", "authorId")
			.hasOne("profile", "profile", "userId"))
		.model("profile", model("tck_profiles")
			.field("id", id())
			.field("userId", string().unique().references("user.id").column("user_id"))
			.field("bio", string().nullable())
			.field("theme", enumeration("light", "dark").defaultValue("light"))
			.belongsTo("user", "user", "userId"))
		.model("post", model("tck_posts")
			.field("id", id())
			.field("authorId", string().references("user.id").column("author_id"))
			.field("title", string())
			.field("slug", string())
			.field("status", enumeration("draft", "published", "archived").defaultValue("draft"))
			.field("views", integer().defaultValue(0))
			.field("publishedAt", datetime().nullable().column("published_at"))
			.unique("authorId", "slug")
			.index("status", "publishedAt")
			.belongsTo("author", "user", "authorId")
			.manyToMany("tags", "tag", "postTag", "postId", "tagId"))
		.model("tag", model("tck_tags")
			.field("id", id().increment())
			.field("label", string().unique())
			.manyToMany("posts", "post", "postTag", "tagId", "postId"))
		.model("postTag", model("tck_post_tags")
			.field("id", id())
			.field("postId", string().references("post.id").column("post_id"))
			.field("tagId", integer().references("tag.id").column("tag_id"))
			.unique("postId", "tagId"))
		.model("counter", model("tck_counters")
			.field("id", id().integer())
			.field("label", string())
			.field("total", bigint()))
		.model("sample", model("tck_samples")
			.field("id", id())
			.field("text", string())
			.field("flag", bool())
			.field("at", datetime())
			.field("count", integer())
			.field("big", bigint())
			.field("amount", decimal())
			.field("payload", json())
			.field("optionalPayload", json().nullable())
			.field("kind", enumeration("alpha", "beta", "gamma").defaultValue("alpha"))))
		.build();

}
