package dev.farminglabs.orm.redis.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One of the driver's Lua scripts, read once from the class path with its SHA-1, so calls send {@code EVALSHA} and
 * only a server that does not know it yet ({@code NOSCRIPT}) gets the text.
 *
 * @param name the script's file name
 * @param text the script's bytes
 * @param sha the hex SHA-1 of the text, as {@code SCRIPT LOAD} answers
 */
public record RedisScript(String name, byte[] text, byte[] sha) {

	/** Writes rows of one model atomically: checks versions and unique locks, then moves records, locks and index. */
	public static final RedisScript WRITE = load("write.lua");

	/** Reads one page of a model's rows in id order. */
	public static final RedisScript PAGE = load("page.lua");

	/** Reads rows by record key or by unique-lock key. */
	public static final RedisScript LOOKUP = load("lookup.lua");

	/** Counts a model's rows. */
	static final RedisScript COUNT = load("count.lua");

	/** Fills an added field with its default in existing records. */
	static final RedisScript FILL = load("fill.lua");

	static RedisScript load(String name) {
		try (InputStream in = RedisScript.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("Missing script " + name);
			}
			byte[] text = in.readAllBytes();
			String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text));
			return new RedisScript(name, text, sha.getBytes(StandardCharsets.US_ASCII));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The script's source, as sent on {@code NOSCRIPT}. */
	public String source() {
		return new String(this.text, StandardCharsets.UTF_8);
	}

}
