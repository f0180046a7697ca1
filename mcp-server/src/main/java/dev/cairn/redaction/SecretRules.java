package dev.cairn.redaction;

import java.util.List;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;

import static dev.cairn.redaction.SecretRule.afterPrefix;
import static dev.cairn.redaction.SecretRule.masked;
import static dev.cairn.redaction.SecretRule.token;

/**
 * The secrets the redactor knows, one entry per format, in the order they run.
 * <p>
 * Order matters because a mask ends a run of token characters: a format whose text can
 * hold a shorter token (a key block's base64, a JWT's segments, a webhook URL's path)
 * runs before the shorter tokens, so that it is masked whole. Formats known by their
 * shape come next, and secrets known only by where they stand (after a key, in a header,
 * in a URL's userinfo) last, so that their masks can keep the label of a token already
 * masked inside them.
 * <p>
 * Facts about the formats (prefixes, alphabets, lengths) are from the providers'
 * documentation. Length bounds are minimums, so that a provider that lengthens its tokens
 * does not slip through.
 */
final class SecretRules {

	/** A space in a PEM armour line, also URL-encoded. */
	private static final String SP = "(?: |\\+|%20)";

	/** The rest of an armour line after BEGIN or END. */
	private static final String PRIVATE_KEY_ARMOUR = "[A-Z0-9 +%]{0,40}?PRIVATE" + SP + "KEY(?:" + SP + "BLOCK)?-----";

	/**
	 * What the body of a key cut short may hold: base64; line breaks, real, escaped
	 * ({@code \n} in JSON) or URL-encoded; the Proc-Type and DEK-Info lines of encrypted
	 * PKCS#1.
	 */
	private static final String KEY_BODY = "[A-Za-z0-9+/=\\s\\\\%:,.-]";

	/**
	 * The end of a key and its separator: an optional closing quote (also escaped, in
	 * JSON that holds JSON), then {@code =}, {@code :}, {@code :=} or {@code =>}.
	 */
	private static final String KEY_END = "(?:\\\\*[\"'])?[ \\t]*(?::=|=>|=|:)[ \\t]*";

	/** An optional opening quote of a header value. */
	private static final String OPEN_QUOTE = "(?:\\\\*[\"'])?";

	static final List<SecretRule> ALL = List.of(
			// Private keys in PEM armour: PKCS#1 (RSA, EC, DSA), PKCS#8 (also
			// ENCRYPTED), OpenSSH and PGP blocks, from BEGIN to END whatever lies
			// between. A key cut before its END line is masked up to the first
			// character that cannot belong to its body.
			token("private-key",
					"-----BEGIN" + PRIVATE_KEY_ARMOUR + "(?:[\\s\\S]*?-----END" + PRIVATE_KEY_ARMOUR + "|" + KEY_BODY
							+ "*)",
					"private"),
			// PuTTY .ppk files (versions 2 and 3), also URL-encoded, up to their
			// MAC line; one cut before it, to the end of the text.
			token("private-key",
					"PuTTY-User-Key-File-[0-9]+(?::|%3A)[\\s\\S]*?(?:Private-(?:MAC|Hash)(?::|%3A)(?:[ \\t+]|%20)*[0-9a-fA-F]+|\\z)",
					"putty-user-key-file"),
			// Slack incoming webhooks and workflow triggers: the path is the credential.
			afterPrefix("slack-webhook", "(hooks\\.slack\\.com/(?:services|workflows|triggers)/)[A-Za-z0-9/_-]{10,}",
					"hooks.slack.com"),
			// Discord webhooks: /api/webhooks/<id>/<token>.
			afterPrefix("discord-webhook", "(discord(?:app)?\\.com/api/webhooks/)[0-9]{15,22}/[A-Za-z0-9_-]{30,}",
					"/api/webhooks/"),
			// JSON Web Tokens, signed (three segments) or encrypted (five): the
			// base64url of a JSON header starts with eyJ. Kubernetes service-account
			// tokens are JWTs.
			token("jwt", "eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*(?:\\.[A-Za-z0-9_-]+){0,2}", "eyj"),
			// A JWT encoded once more in base64, as in a Kubernetes Secret's data.token.
			token("jwt", "ZXlK[A-Za-z0-9+/%]{40,}={0,2}", "zxlk"),
			// AWS STS session tokens: base64 of a binary blob with a fixed start.
			token("aws-session-token", "(?:IQoJb3JpZ2lu|FwoGZXIvYXdz)[A-Za-z0-9+/=%]{40,}", "iqojb3jpz2lu",
					"fwogzxivyxdz"),
			// PyPI API tokens: pypi- and a macaroon whose base64 starts with AgE.
			token("pypi-token", "pypi-AgE[A-Za-z0-9_-]{50,}", "pypi-age"),
			// Atlassian API tokens (ATATT...; their length varies).
			token("atlassian-token", "ATATT[A-Za-z0-9_=-]{50,}", "atatt"),
			// Terraform Cloud / HCP Terraform tokens: <id>.atlasv1.<secret>.
			token("terraform-token", "[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,}", ".atlasv1."),
			// AWS access key ids: long-term (AKIA), temporary (ASIA) and the other
			// credential-bearing prefixes; 16 more upper-case letters and digits.
			token("aws-key", "(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA)[A-Z0-9]{16,}", "akia", "asia", "abia", "acca",
					"agpa", "aida", "aroa"),
			// Google API keys: AIza and 35 base64url characters.
			token("google-key", "AIza[0-9A-Za-z_-]{30,}", "aiza"),
			// Google OAuth client secrets.
			token("google-oauth-secret", "GOCSPX-[A-Za-z0-9_-]{20,}", "gocspx-"),
			// Google OAuth access tokens.
			token("google-access-token", "ya29\\.[A-Za-z0-9_-]{20,}", "ya29."),
			// GitHub: personal (ghp_), OAuth (gho_), app user-to-server (ghu_),
			// server-to-server (ghs_) and refresh (ghr_) tokens, fine-grained PATs.
			token("github-token", "(?:gh[pousr]_[A-Za-z0-9_]{30,}|github_pat_[A-Za-z0-9_]{30,})", "ghp_", "gho_",
					"ghu_", "ghs_", "ghr_", "github_pat_"),
			// GitLab: personal, deploy, pipeline-trigger, runner, CI build, OAuth app,
			// service-account, feature-flag, incoming-mail and agent tokens; runner
			// registration tokens.
			token("gitlab-token",
					"(?:gl(?:pat|dt|ptt|rt|cbt|oas|soat|ffct|imt|agent)-[A-Za-z0-9_.-]{20,}|GR1348941[A-Za-z0-9_-]{20,})",
					"glpat-", "gldt-", "glptt-", "glrt-", "glcbt-", "gloas-", "glsoat-", "glffct-", "glimt-",
					"glagent-", "gr1348941"),
			// Slack: bot, user, app-level, configuration and refresh tokens, and the
			// browser's xoxc/xoxd pair.
			token("slack-token", "(?:xox(?:[abposrcd]|e\\.xox[bp]|e)-|xapp-[0-9]-)[A-Za-z0-9%-]{10,}", "xox", "xapp-"),
			// Stripe secret and restricted keys, live and test.
			token("stripe-key", "[rs]k_(?:live|test)_[0-9A-Za-z]{16,}", "k_live_", "k_test_"),
			// Stripe webhook signing secrets.
			token("stripe-webhook-secret", "whsec_[A-Za-z0-9+/=%]{20,}", "whsec_"),
			// Twilio API keys: SK and 32 hex digits.
			token("twilio-key", "SK[0-9a-fA-F]{32}\\b", "sk"),
			// SendGrid API keys: SG.<id>.<secret>.
			token("sendgrid-key", "SG\\.[A-Za-z0-9_-]{16,}\\.[A-Za-z0-9_-]{16,}", "sg."),
			// Mailgun API and webhook signing keys: key-<32 hex>, or
			// <32 hex>-<8 hex>-<8 hex>.
			token("mailgun-key", "key-[0-9a-f]{32}\\b", "key-"),
			token("mailgun-key", "[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8}\\b")
				.onlyWhen((text) -> hasRun(text, SecretRules::isHexDigit, 32, '-')),
			// npm access tokens.
			token("npm-token", "npm_[A-Za-z0-9]{36,}", "npm_"),
			// Docker Hub personal and organization access tokens.
			token("docker-token", "dckr_(?:pat|oat)_[A-Za-z0-9_-]{20,}", "dckr_"),
			// Anthropic API and admin keys (before OpenAI's, which share the sk- start).
			token("anthropic-key", "sk-ant-[a-z]+[0-9]*-[A-Za-z0-9_-]{40,}", "sk-ant-"),
			// OpenAI keys: sk-, sk-proj-, sk-svcacct-, sk-admin-; mixed case with digits,
			// which keeps names such as sk-payments-... readable.
			token("openai-key",
					"sk-(?:proj-|svcacct-|admin-)?(?=[A-Za-z0-9_-]*[A-Z])(?=[A-Za-z0-9_-]*[0-9])[A-Za-z0-9_-]{32,}",
					"sk-"),
			// Hugging Face user and organization tokens.
			token("huggingface-token", "(?:hf_|api_org_)[A-Za-z0-9]{30,}", "hf_", "api_org_"),
			// Shopify admin API, custom app, private app tokens and shared secrets.
			token("shopify-token", "shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32,}", "shp"),
			// Square access tokens (EAAA...) and OAuth secrets (sq0csp-, sq0atp-).
			token("square-token", "(?:sq0(?:atp|csp|idp)-[A-Za-z0-9_-]{20,}|EAAA[A-Za-z0-9_-]{56,})", "sq0", "eaaa"),
			// Heroku API keys in their prefixed form; the older UUID keys are only
			// recognisable after a key such as HEROKU_API_KEY.
			token("heroku-key", "HRKU-[A-Za-z0-9_-]{20,}", "hrku-"),
			// DigitalOcean personal, OAuth and refresh tokens.
			token("digitalocean-token", "do[opr]_v1_[a-f0-9]{40,}", "_v1_"),
			// Postman API keys: PMAK-<24 hex>-<34 hex>.
			token("postman-key", "PMAK-[a-fA-F0-9]{20,}-[a-fA-F0-9]{30,}", "pmak-"),
			// HashiCorp Vault service, batch and recovery tokens (hvs., hvb., hvr.),
			// and the older s. (24 characters, mixed case) and b.AAAAAQ forms.
			token("vault-token",
					"(?:hv[sbr]\\.[A-Za-z0-9_-]{20,}|b\\.AAAAAQ[A-Za-z0-9_-]{40,}"
							+ "|s\\.(?=[A-Za-z0-9]{0,23}[A-Z])(?=[A-Za-z0-9]{0,23}[a-z])"
							+ "[A-Za-z0-9]{24}(?![A-Za-z0-9_-])(?!\\.[A-Za-z0-9]))",
					"hvs.", "hvb.", "hvr.", "b.aaaaaq", "s.")
				// "s." alone ends half the sentences written: the old form needs 24
				// characters after it.
				.onlyWhen(
						(text) -> containsAny(text, "hvs.", "hvb.", "hvr.", "b.aaaaaq") || hasRunAfter(text, "s.", 24)),
			// Discord bot tokens: the base64 of the bot's numeric id (M, N or O
			// first, a digit in it), a 6-character timestamp and an HMAC.
			token("discord-token",
					"[MNO](?=[A-Za-z0-9_-]{0,30}[0-9])[A-Za-z0-9_-]{23,27}\\.[A-Za-z0-9_-]{6}\\.[A-Za-z0-9_-]{27,}")
				.onlyWhen(SecretRules::hasSixBetweenDots),
			// Telegram bot tokens: <bot id>:<35 characters>, also in /bot<token>/.
			masked("telegram-token", "[0-9]{6,12}:[A-Za-z0-9_-]{35}(?![A-Za-z0-9_-])", SecretRules::telegram)
				.onlyWhen((text) -> hasRun(text, SecretRules::isDigit, 6, ':')),
			// age encryption secret keys (bech32, upper case).
			token("age-key", "AGE-SECRET-KEY-1[0-9A-Z]{50,}", "age-secret-key-"),
			// New Relic user API keys and insert keys.
			token("newrelic-key", "NR(?:AK|II)-[A-Za-z0-9_-]{20,}", "nrak-", "nrii-"),
			// Grafana service-account tokens and Grafana Cloud tokens.
			token("grafana-token", "(?:glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|glc_[A-Za-z0-9+/=%]{32,})", "glsa_", "glc_"),
			// Authorization and Proxy-Authorization headers or fields: the scheme
			// is kept, the credentials are masked, whatever the scheme.
			masked("authorization", "(?i)(?<![A-Za-z0-9_-])(?:proxy-)?authorization" + KEY_END + OPEN_QUOTE,
					ContextMasks::authorization, "authorization"),
			// Bearer and Basic credentials anywhere. Real ones hold a digit or a symbol,
			// which keeps prose ("Basic authentication") readable.
			masked("bearer", "(?i)\\b(bearer|basic)(\\s+)(?=[A-Za-z0-9._~+/=-]*[0-9._~+/=-])[A-Za-z0-9._~+/=-]{8,}",
					(text, match, out) -> {
						out.append(match.group(1)).append(match.group(2)).append(Redactor.MASK);
						return match.end();
					}, "bearer", "basic"),
			// Cookie and Set-Cookie headers: cookie values (sessions among them) masked,
			// names and attributes kept.
			masked("cookie", "(?i)(?<![A-Za-z0-9_-])(set-cookie|cookie)" + KEY_END + OPEN_QUOTE, ContextMasks::cookies,
					"cookie"),
			// XML elements named like secrets: <password>...</password>.
			masked("xml-element", "<([A-Za-z_][A-Za-z0-9_.:-]{0,100})>([^<]+)</\\1>", ContextMasks::xmlElement, "</"),
			// Name/value pairs named like secrets: Kubernetes env entries, HAR headers,
			// Postman variables: {"name": "DB_PASSWORD", "value": "..."} in JSON
			// (also inside a JSON string) or YAML.
			masked("named-value", "(?i)(?<![A-Za-z0-9_.-])(?:name|key)" + KEY_END + OPEN_QUOTE
					+ "([A-Za-z0-9_.-]{1,100})(?:\\\\*[\"'])?[ \\t]*,?(?:\\s|\\\\[nrt]){0,40}(?:\\\\*[\"'])?value"
					+ KEY_END, ContextMasks::namedValue, "value"),
			// The value after a key named like a secret (see SecretKeys), in key=value,
			// key: value, "key": "value" (also escaped), export KEY=value, header,
			// query-string and connection-string (JDBC password=, ODBC Pwd=) forms.
			masked("keyed-value", "[=:]", ContextMasks::keyedValue, "pass", "pwd", "secret", "token", "auth", "cred",
					"cookie", "sig", "key", "dsn", "sess", "sid", "webhook")
				// A key word is not enough: the text needs a separator too.
				.onlyWhen((text) -> text.indexOf('=') >= 0 || text.indexOf(':') >= 0),
			// Passwords in URLs (scheme://user:password@host), MongoDB SRV strings among
			// them; the user and the host are kept. After the keyed values, so that a
			// JDBC password= holding an @ is masked whole first.
			masked("url-password", "\\b([a-zA-Z][a-zA-Z0-9+.-]*://[^\\s:/@\"'\\\\]*:)([^\\s@/\"'\\\\]+)@",
					SecretRules::userinfo, "://"),
			// Oracle thin JDBC URLs: jdbc:oracle:thin:user/password@host.
			masked("url-password", "\\b(jdbc:oracle:[a-z0-9]+:[^\\s/:@\"'\\\\]+/)([^\\s@\"'\\\\]+)@",
					SecretRules::userinfo, "jdbc:oracle"));

	private SecretRules() {
	}

	/**
	 * Whether the text holds a run of at least {@code length} characters of a class,
	 * followed by {@code next}: a test much cheaper than a pattern without a literal.
	 */
	private static boolean hasRun(String text, IntPredicate member, int length, char next) {
		int run = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (member.test(c)) {
				run++;
			}
			else {
				if (c == next && run >= length) {
					return true;
				}
				run = 0;
			}
		}
		return false;
	}

	private static boolean containsAny(String text, String... fragments) {
		for (String fragment : fragments) {
			if (text.contains(fragment)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether {@code prefix} occurs followed by at least {@code length} letters or
	 * digits.
	 */
	private static boolean hasRunAfter(String text, String prefix, int length) {
		for (int at = text.indexOf(prefix); at >= 0; at = text.indexOf(prefix, at + 1)) {
			int run = 0;
			for (int i = at + prefix.length(); i < text.length() && run < length; i++) {
				char c = text.charAt(i);
				if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
					break;
				}
				run++;
			}
			if (run >= length) {
				return true;
			}
		}
		return false;
	}

	/** Whether a dot is followed by exactly six token characters and another dot. */
	private static boolean hasSixBetweenDots(String text) {
		for (int at = text.indexOf('.'); at >= 0 && at + 7 < text.length(); at = text.indexOf('.', at + 1)) {
			if (text.charAt(at + 7) != '.') {
				continue;
			}
			boolean token = true;
			for (int i = at + 1; i < at + 7 && token; i++) {
				char c = text.charAt(i);
				token = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
			}
			if (token) {
				return true;
			}
		}
		return false;
	}

	private static boolean isHexDigit(int c) {
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
	}

	private static boolean isDigit(int c) {
		return c >= '0' && c <= '9';
	}

	/** A Telegram token starts a word, or follows /bot in an API URL. */
	private static int telegram(String text, Matcher match, StringBuilder out) {
		int start = match.start();
		boolean afterBot = start >= 3 && text.startsWith("bot", start - 3);
		if (!afterBot && (!SecretRule.startsWord(text, start) || (start > 0 && text.charAt(start - 1) == ':'))) {
			return -1;
		}
		out.append(SecretRule.label("telegram-token"));
		return match.end();
	}

	/** Group 1 (up to the password) is kept, group 2 (the password) masked. */
	private static int userinfo(String text, Matcher match, StringBuilder out) {
		if (match.group(2).startsWith("[redacted")) {
			return -1;
		}
		out.append(match.group(1)).append(Redactor.MASK).append('@');
		return match.end();
	}

}
