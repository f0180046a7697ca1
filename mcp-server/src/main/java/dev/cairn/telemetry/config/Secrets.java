package dev.cairn.telemetry.config;

import java.util.regex.Pattern;

/**
 * How configuration shows a secret in text: whether it is set, never what it is.
 */
final class Secrets {

	/**
	 * The user info of a URL ({@code user:password@}), which may hold a password; also at
	 * the start of a value written without a scheme.
	 */
	private static final Pattern USER_INFO = Pattern.compile("(?<=://|^)[^/?#@]*@");

	private Secrets() {
	}

	/** {@code (set)} or {@code (none)}. */
	static String shown(String secret) {
		return (secret != null && !secret.isBlank()) ? "(set)" : "(none)";
	}

	/** The URL as written, with any user info masked. */
	static String withoutUserInfo(String url) {
		return (url != null) ? USER_INFO.matcher(url).replaceFirst("****@") : null;
	}

}
