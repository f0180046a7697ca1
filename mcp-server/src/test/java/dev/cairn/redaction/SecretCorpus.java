package dev.cairn.redaction;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import static dev.cairn.redaction.CorpusRandom.ALNUM;
import static dev.cairn.redaction.CorpusRandom.BASE32;
import static dev.cairn.redaction.CorpusRandom.DIGITS;
import static dev.cairn.redaction.CorpusRandom.HEX;
import static dev.cairn.redaction.CorpusRandom.LOWER;
import static dev.cairn.redaction.CorpusRandom.PASSWORD_SYMBOLS;
import static dev.cairn.redaction.CorpusRandom.UPPER;

/**
 * Secret formats and a generator of samples for each, shaped like the real thing
 * (prefixes, alphabets, lengths from the providers' documentation) with random secret
 * parts. A sample says how it appears in text, in a URL and in an HTTP header, and which
 * of its parts are secret: fixed prefixes and public ids are not.
 */
final class SecretCorpus {

	/**
	 * One secret as it appears in text, in a URL (absolute, or a query parameter) and in
	 * a header line.
	 */
	record Sample(String text, String url, String header, List<String> secrets) {

		static Sample of(String text, String... secrets) {
			return new Sample(text, "q=" + encode(text), "X-Upstream-Echo: " + text.replaceAll("\r?\n", " "),
					List.of(secrets));
		}

		/**
		 * A value after a key, in one of the syntaxes that hold configuration in text.
		 */
		static Sample keyed(CorpusRandom random, String key, String value) {
			String text = switch (random.between(0, 6)) {
				case 0 -> key + "=" + value;
				case 1 -> key + " = " + value;
				case 2 -> key + ": " + value;
				case 3 -> "\"" + key + "\": \"" + value + "\"";
				case 4 -> "'" + key + "': '" + value + "'";
				case 5 -> "export " + key + "=\"" + value + "\"";
				default -> key + "='" + value + "'";
			};
			Sample sample = of(text, value).url(key + "=" + encode(value));
			return (key.contains("-") && !key.contains(".")) ? sample.header(key + ": " + value) : sample;
		}

		Sample url(String url) {
			return new Sample(this.text, url, this.header, this.secrets);
		}

		Sample header(String header) {
			return new Sample(this.text, this.url, header, this.secrets);
		}

		Sample alsoSecret(String... more) {
			List<String> all = new ArrayList<>(this.secrets);
			all.addAll(Arrays.asList(more));
			return new Sample(this.text, this.url, this.header, all);
		}

	}

	record Format(String name, Function<CorpusRandom, Sample> generator) {

		List<Sample> samples(int count) {
			CorpusRandom random = new CorpusRandom(this.name.hashCode());
			List<Sample> samples = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				samples.add(this.generator.apply(random));
			}
			return samples;
		}

	}

	static final List<Format> FORMATS = List.of(
			// AWS
			new Format("aws-access-key-id", (r) -> {
				String id = r.of(BASE32, 16);
				return Sample.of(r.pick("AKIA", "ASIA") + id, id);
			}),
			new Format("aws-secret-access-key",
					(r) -> Sample.keyed(r,
							r.pick("aws_secret_access_key", "AWS_SECRET_ACCESS_KEY", "SecretAccessKey",
									"secretAccessKey", "aws_secret_key"),
							r.base64(40))),
			new Format("aws-session-token", (r) -> {
				String secret = r.base64(r.between(300, 420));
				String token = r.pick("IQoJb3JpZ2luX2VjE", "FwoGZXIvYXdzE") + secret;
				return Sample.of(token, secret).url("X-Amz-Security-Token=" + encode(token));
			}), new Format("aws-sigv4-authorization", (r) -> {
				String id = r.of(BASE32, 16);
				String signature = r.hex(64);
				String header = "Authorization: AWS4-HMAC-SHA256 Credential=AKIA" + id
						+ "/20261121/eu-west-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, "
						+ "Signature=" + signature;
				return Sample.of(header, id, signature)
					.header(header)
					.url("X-Amz-Credential=AKIA" + id + "%2F20261121%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Signature="
							+ signature);
			}), new Format("aws-presigned-url", (r) -> {
				String id = r.of(BASE32, 16);
				String signature = r.hex(64);
				String url = "https://acme-exports.s3.eu-west-1.amazonaws.com/reports/2026-11.csv"
						+ "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=" + r.pick("AKIA", "ASIA") + id
						+ "%2F20261121%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Date=20261121T091403Z&X-Amz-Expires=3600"
						+ "&X-Amz-SignedHeaders=host&X-Amz-Signature=" + signature;
				return Sample.of(url, id, signature).url(url);
			}),
			// Google Cloud
			new Format("gcp-service-account-key", (r) -> {
				List<String> lines = r.lines("MIIEvQIBADANBgkqhkiG9w0BAQEFAASC", 1624, 64);
				String json = "{\"type\": \"service_account\", \"project_id\": \"acme-prod-" + r.digits(6)
						+ "\", \"private_key_id\": \"" + r.hex(40)
						+ "\", \"private_key\": \"-----BEGIN PRIVATE KEY-----\\n" + String.join("\\n", lines)
						+ "\\n-----END PRIVATE KEY-----\\n\", \"client_email\": \"deployer@acme-prod.iam.gserviceaccount.com\","
						+ " \"client_id\": \"" + r.digits(21) + "\"}";
				return Sample.of(json, secretLines(lines, 32));
			}), new Format("gcp-api-key", (r) -> {
				String secret = r.base64url(35);
				return Sample.of("AIza" + secret, secret).url("key=AIza" + secret);
			}), new Format("gcp-oauth-client-secret", (r) -> {
				String secret = r.base64url(28);
				return Sample.of("GOCSPX-" + secret, secret);
			}), new Format("gcp-access-token", (r) -> {
				String secret = r.base64url(r.between(150, 220));
				return Sample.of("ya29.a0" + secret, secret).header("Authorization: Bearer ya29.a0" + secret);
			}),
			// Azure
			new Format("azure-storage-connection-string", (r) -> {
				String key = r.base64(86);
				String account = "acme" + r.of(LOWER + DIGITS, 6);
				return Sample
					.of("DefaultEndpointsProtocol=https;AccountName=" + account + ";AccountKey=" + key
							+ "==;EndpointSuffix=core.windows.net", key)
					.url("AccountKey=" + encode(key + "=="));
			}), new Format("azure-sas-url", (r) -> {
				String signature = encode(r.base64(43) + "=");
				String url = "https://acme" + r.of(LOWER, 6) + ".blob.core.windows.net/exports/2026-11.csv"
						+ "?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2026-12-01T00:00:00Z&st=2026-11-21T00:00:00Z&spr=https&sig="
						+ signature;
				return Sample.of(url, signature).url(url);
			}), new Format("azure-service-bus-connection-string", (r) -> {
				String key = r.base64(43) + "=";
				return Sample
					.of("Endpoint=sb://acme-" + r.of(LOWER, 5) + ".servicebus.windows.net/;SharedAccessKeyName="
							+ "RootManageSharedAccessKey;SharedAccessKey=" + key, key.substring(0, 43))
					.url("SharedAccessKey=" + encode(key));
			}),
			// GitHub
			new Format("github-classic-pat", (r) -> {
				String token = "ghp_" + r.alnum(36);
				return Sample.of(token, token.substring(4))
					.url("https://dana:" + token + "@github.com/acme/payments.git")
					.header("Authorization: token " + token);
			}), new Format("github-oauth-token", (r) -> {
				String token = "gho_" + r.alnum(36);
				return Sample.of(token, token.substring(4));
			}), new Format("github-app-token", (r) -> {
				String token = r.pick("ghs_" + r.alnum(36), "ghu_" + r.alnum(36), "ghr_" + r.alnum(76));
				return Sample.of(token, token.substring(4))
					.url("https://x-access-token:" + token + "@github.com/acme/payments.git");
			}), new Format("github-fine-grained-pat", (r) -> {
				String secret = r.alnum(22) + "_" + r.alnum(59);
				return Sample.of("github_pat_" + secret, secret);
			}),
			// GitLab
			new Format("gitlab-pat", (r) -> {
				String secret = r.base64url(20);
				return Sample.of("glpat-" + secret, secret)
					.url("https://oauth2:glpat-" + secret + "@gitlab.com/acme/payments.git")
					.header("PRIVATE-TOKEN: glpat-" + secret);
			}), new Format("gitlab-ci-tokens", (r) -> {
				String secret = r.pick(r.hex(40), r.base64url(20));
				return Sample.of(r.pick("glptt-", "gldt-", "glrt-", "GR1348941") + secret, secret);
			}),
			// Slack
			new Format("slack-bot-token", (r) -> {
				String secret = r.alnum(24);
				String token = "xoxb-" + r.digits(r.between(10, 13)) + "-" + r.digits(r.between(10, 13)) + "-" + secret;
				return Sample.of(token, secret).header("Authorization: Bearer " + token);
			}), new Format("slack-user-token", (r) -> {
				String secret = r.hex(32);
				return Sample.of("xoxp-" + r.digits(11) + "-" + r.digits(11) + "-" + r.digits(13) + "-" + secret,
						secret);
			}), new Format("slack-app-token", (r) -> {
				String secret = r.hex(64);
				return Sample.of("xapp-1-A" + r.of(UPPER + DIGITS, 10) + "-" + r.digits(13) + "-" + secret, secret);
			}), new Format("slack-webhook", (r) -> {
				String secret = r.alnum(24);
				String url = "https://hooks.slack.com/services/T" + r.of(UPPER + DIGITS, 8) + "/B"
						+ r.of(UPPER + DIGITS, 10) + "/" + secret;
				return Sample.of(url, secret).url(url);
			}),
			// Stripe
			new Format("stripe-secret-key", (r) -> {
				String secret = r.alnum(r.pick(24, 99));
				String key = "sk_" + r.pick("live", "test") + "_" + secret;
				return Sample.of(key, secret).header("Authorization: Bearer " + key);
			}), new Format("stripe-restricted-key", (r) -> {
				String secret = r.alnum(r.pick(24, 99));
				return Sample.of("rk_" + r.pick("live", "test") + "_" + secret, secret);
			}), new Format("stripe-webhook-secret", (r) -> {
				String secret = r.alnum(32);
				return Sample.of("whsec_" + secret, secret);
			}),
			// Twilio
			new Format("twilio-api-key", (r) -> {
				String secret = r.hex(32);
				return Sample.of("SK" + secret, secret);
			}),
			new Format("twilio-auth-token",
					(r) -> Sample.keyed(r, r.pick("TWILIO_AUTH_TOKEN", "twilio.auth-token", "authToken"), r.hex(32))),
			// Email and messaging
			new Format("sendgrid-key", (r) -> {
				String id = r.base64url(22);
				String secret = r.base64url(43);
				return Sample.of("SG." + id + "." + secret, id, secret);
			}), new Format("mailgun-key", (r) -> {
				String key = r.pick("key-" + r.hex(32), r.hex(32) + "-" + r.hex(8) + "-" + r.hex(8));
				return Sample.of(key, key.startsWith("key-") ? key.substring(4) : key)
					.url("https://api:" + key + "@api.mailgun.net/v3/mg.acme.example/messages");
			}),
			// Package registries
			new Format("npm-token", (r) -> {
				String secret = r.alnum(36);
				return Sample.of(r.pick("", "//registry.npmjs.org/:_authToken=") + "npm_" + secret, secret);
			}), new Format("pypi-token", (r) -> {
				String secret = r.base64url(r.between(140, 200));
				return Sample.of("pypi-AgEIcHlwaS5vcmc" + secret, secret);
			}), new Format("dockerhub-pat", (r) -> {
				String secret = r.base64url(27);
				return Sample.of("dckr_" + r.pick("pat", "oat") + "_" + secret, secret);
			}),
			// AI providers
			new Format("openai-key", (r) -> {
				String left = r.alnum(20);
				String right = r.alnum(20);
				String project = r.base64url(156);
				return r.pick(Sample.of("sk-" + left + "T3BlbkFJ" + right, left, right),
						Sample.of("sk-proj-" + project, project), Sample.of("sk-svcacct-" + project, project));
			}), new Format("anthropic-key", (r) -> {
				String secret = r.base64url(93);
				return Sample.of("sk-ant-" + r.pick("api03", "admin01") + "-" + secret + "AA", secret)
					.header("x-api-key: sk-ant-api03-" + secret + "AA");
			}), new Format("huggingface-token", (r) -> {
				String secret = r.of(UPPER + LOWER, 34);
				return Sample.of("hf_" + secret, secret);
			}),
			// Commerce
			new Format("shopify-token", (r) -> {
				String secret = r.hex(32);
				return Sample.of(r.pick("shpat_", "shpca_", "shppa_", "shpss_") + secret, secret)
					.header("X-Shopify-Access-Token: shpat_" + secret);
			}), new Format("square-token", (r) -> {
				String secret = r.base64url(r.pick(60, 43, 22));
				String prefix = (secret.length() == 60) ? "EAAA" : (secret.length() == 43) ? "sq0csp-" : "sq0atp-";
				return Sample.of(prefix + secret, secret);
			}),
			// Observability and platforms
			new Format("datadog-key",
					(r) -> Sample
						.keyed(r,
								r.pick("DD_API_KEY", "DD_APP_KEY", "DD-API-KEY", "DD-APPLICATION-KEY",
										"datadog_api_key", "api_key"),
								r.hex(r.pick(32, 40)))),
			new Format("heroku-key", (r) -> {
				String secret = r.base64url(58);
				return r.pick(Sample.of("HRKU-AA" + secret, secret),
						Sample.keyed(r, "HEROKU_API_KEY", r.uuid().toString()));
			}), new Format("digitalocean-token", (r) -> {
				String secret = r.hex(64);
				return Sample.of("do" + r.pick("p", "o", "r") + "_v1_" + secret, secret);
			}), new Format("atlassian-token", (r) -> {
				String secret = r.base64url(r.between(150, 190));
				String token = "ATATT3xFfGF0" + secret + "=" + r.hex(8).toUpperCase();
				return Sample.of(token, secret)
					.url("https://dana%40acme.example:" + token + "@acme.atlassian.net/rest/api/3/myself");
			}), new Format("postman-key", (r) -> {
				String id = r.hex(24);
				String secret = r.hex(34);
				return Sample.of("PMAK-" + id + "-" + secret, id, secret)
					.header("X-Api-Key: PMAK-" + id + "-" + secret);
			}), new Format("vault-token", (r) -> {
				String legacy = r.of(UPPER, 1) + r.of(LOWER, 1) + r.alnum(22);
				String service = r.base64url(r.between(90, 100));
				String batch = r.base64url(130);
				Sample sample = r.pick(Sample.of("hvs." + service, service), Sample.of("s." + legacy, legacy),
						Sample.of("hvb." + batch, batch));
				return sample.header("X-Vault-Token: " + sample.text());
			}), new Format("newrelic-key", (r) -> {
				String secret = r.of(UPPER + DIGITS, 27);
				return Sample.of("NRAK-" + secret, secret);
			}), new Format("terraform-token", (r) -> {
				String id = r.alnum(14);
				String secret = r.alnum(67);
				return Sample.of(id + ".atlasv1." + secret, id, secret);
			}), new Format("grafana-token", (r) -> {
				String secret = r.alnum(32);
				String cloud = r.base64(80);
				return r.pick(Sample.of("glsa_" + secret + "_" + r.hex(8), secret), Sample.of("glc_" + cloud, cloud));
			}), new Format("age-secret-key", (r) -> {
				String secret = r.of("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58);
				return Sample.of("AGE-SECRET-KEY-1" + secret, secret);
			}),
			// Chat bots
			new Format("discord-bot-token", (r) -> {
				String id = CorpusRandom.base64Of(r.digits(18)).replace("=", "");
				String hmac = r.base64url(38);
				String token = id + "." + r.base64url(6) + "." + hmac;
				return Sample.of(token, hmac).header("Authorization: Bot " + token);
			}), new Format("discord-webhook", (r) -> {
				String secret = r.base64url(68);
				String url = "https://discord.com/api/webhooks/" + r.digits(18) + "/" + secret;
				return Sample.of(url, secret).url(url);
			}), new Format("telegram-bot-token", (r) -> {
				String secret = "AA" + r.base64url(33);
				String token = r.digits(r.between(8, 10)) + ":" + secret;
				return Sample.of(token, secret.substring(2))
					.url("https://api.telegram.org/bot" + token + "/sendMessage?chat_id=-100" + r.digits(10));
			}),
			// Tokens with a structure
			new Format("jwt", (r) -> {
				String payload = CorpusRandom.base64UrlOf("{\"sub\":\"user-" + r.digits(6) + "\",\"name\":\"Dana "
						+ r.of(LOWER, 6) + "\",\"iat\":17" + r.digits(8) + ",\"jti\":\"" + r.uuid() + "\"}");
				String signature = r.base64url(43);
				String jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + payload + "." + signature;
				return Sample.of(jwt, payload, signature).header("Authorization: Bearer " + jwt);
			}), new Format("kubernetes-service-account-token", (r) -> {
				String[] token = kubernetesToken(r);
				return Sample.of(String.join(".", token), token[1], token[2]);
			}), new Format("kubernetes-secret-token-base64", (r) -> {
				String encoded = CorpusRandom.base64Of(String.join(".", kubernetesToken(r)));
				return Sample.of(encoded, encoded);
			}),
			// Private keys
			new Format("pem-private-key", (r) -> {
				int kind = r.between(0, 3);
				String label = new String[] { "RSA PRIVATE KEY", "EC PRIVATE KEY", "PRIVATE KEY",
						"ENCRYPTED PRIVATE KEY" }[kind];
				String prefix = new String[] { "MIIEpAIBAAKCAQEA", "MHcCAQEEI", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC",
						"MIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkq" }[kind];
				List<String> lines = r.lines(prefix, new int[] { 1588, 164, 1624, 1750 }[kind], 64);
				return Sample.of(armoured(label, lines), secretLines(lines, prefix.length()));
			}), new Format("pem-private-key-truncated", (r) -> {
				List<String> lines = r.lines("MIIEpAIBAAKCAQEA", 1588, 64);
				String full = "-----BEGIN RSA PRIVATE KEY-----\n" + String.join("\n", lines);
				String cut = full.substring(0, r.between(80, full.length() - 1));
				List<String> secrets = new ArrayList<>();
				for (String line : cut.substring(cut.indexOf('\n') + 1 + 16).split("\n")) {
					secrets.add(line);
				}
				return Sample.of(cut, secrets.toArray(String[]::new));
			}), new Format("openssh-private-key", (r) -> {
				String prefix = "b3BlbnNzaC1rZXktdjEAAAAA";
				List<String> lines = r.lines(prefix, r.pick(400, 2600), 70);
				return Sample.of(armoured("OPENSSH PRIVATE KEY", lines), secretLines(lines, prefix.length()));
			}), new Format("pgp-private-key", (r) -> {
				List<String> lines = r.lines("lQOYBG", 1300, 64);
				String block = "-----BEGIN PGP PRIVATE KEY BLOCK-----\n" + r.pick("", "Comment: https://gnupg.org\n")
						+ "\n" + String.join("\n", lines) + "\n=" + r.base64(4)
						+ "\n-----END PGP PRIVATE KEY BLOCK-----";
				return Sample.of(block, secretLines(lines, 6));
			}), new Format("putty-private-key", (r) -> {
				String publicLine = "AAAAC3NzaC1lZDI1NTE5AAAAI" + r.base64(43);
				String privateLine = "AAAAI" + r.base64(43);
				String mac = r.hex(64);
				String file = "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: eddsa-key-2026112"
						+ r.between(1, 9) + "\nPublic-Lines: 2\n" + publicLine.substring(0, 64) + "\n"
						+ publicLine.substring(64) + "\nPrivate-Lines: 1\n" + privateLine + "\nPrivate-MAC: " + mac;
				return Sample.of(file, privateLine.substring(5), mac);
			}),
			// Passwords in URLs and connection strings
			new Format("url-password", (r) -> {
				String password = encode(r.password(12, 24, "!$*-._~@/:"));
				String url = r.pick("https://deploy:" + password + "@nexus.internal.example/repository/releases/",
						"postgres://app:" + password + "@db.internal:5432/orders?sslmode=require",
						"mysql://app:" + password + "@mysql.internal:3306/orders",
						"redis://:" + password + "@cache.internal:6379/0",
						"amqps://ledger:" + password + "@mq.internal:5671/%2F",
						"ftp://backup:" + password + "@files.internal:21/exports");
				return Sample.of(url, password).url(url);
			}), new Format("jdbc-password", (r) -> {
				int kind = r.between(0, 3);
				String password = (kind == 0 || kind == 1) ? r.password(12, 24, "!$*-._~")
						: (kind == 2) ? r.password(12, 24, PASSWORD_SYMBOLS) : r.password(12, 24, "_#$");
				String url = new String[] {
						"jdbc:postgresql://db.internal:5432/orders?user=app&password=" + password + "&sslmode=require",
						"jdbc:mysql://mysql.internal:3306/orders?user=app&password=" + password + "&useSSL=true",
						"jdbc:sqlserver://sql.internal:1433;databaseName=orders;user=sa;password=" + password
								+ ";encrypt=true",
						"jdbc:oracle:thin:app/" + password + "@//ora.internal:1521/ORCL" }[kind];
				return Sample.of(url, password).url(url);
			}), new Format("odbc-password", (r) -> {
				String password = r.password(12, 24, PASSWORD_SYMBOLS);
				String braced = r.password(8, 12, PASSWORD_SYMBOLS) + ";" + r.password(8, 12, PASSWORD_SYMBOLS);
				return r.pick(
						Sample.of("Driver={ODBC Driver 18 for SQL Server};Server=tcp:acme.database.windows.net,1433;"
								+ "Database=orders;Uid=app;Pwd=" + password + ";Encrypt=yes;", password),
						Sample.of("Server=sql.internal;Database=orders;User Id=app;Password=" + password
								+ ";TrustServerCertificate=True", password),
						Sample
							.of("Driver={PostgreSQL Unicode};Server=db.internal;Port=5432;Database=orders;Uid=app;Pwd={"
									+ braced + "};", braced.split(";")))
					.url("Pwd=" + encode(password));
			}), new Format("mongodb-srv", (r) -> {
				String password = encode(r.password(12, 24, "!$*-._~@:"));
				String url = "mongodb+srv://orders:" + password + "@cluster0." + r.of(LOWER + DIGITS, 5)
						+ ".mongodb.net/orders?retryWrites=true&w=majority&appName=payments-api";
				return Sample.of(url, password).url(url);
			}),
			// HTTP authentication and sessions
			new Format("bearer-authorization", (r) -> {
				String token = r.pick(r.base64url(r.between(32, 64)), r.hex(40), "v2.local." + r.base64url(80));
				String header = "Authorization: Bearer " + token;
				return Sample.of(header, token.replace("v2.local.", "")).header(header).url("access_token=" + token);
			}), new Format("basic-authorization", (r) -> {
				String user = r.pick("deploy", "dana", "ci-bot");
				String password = r.password(12, 24, PASSWORD_SYMBOLS);
				String credentials = CorpusRandom.base64Of(user + ":" + password);
				String header = "Authorization: Basic " + credentials;
				return Sample.of(header, credentials, encode(password))
					.header(header)
					.url("https://" + user + ":" + encode(password) + "@api.partner.example/v1/orders");
			}), new Format("session-cookie", (r) -> {
				String session = r.pick(r.hex(32).toUpperCase(), r.base64url(43),
						"s%3A" + r.base64url(32) + "." + r.base64url(43), r.base64url(120));
				String name = session.startsWith("s%3A") ? "connect.sid" : (session.length() == 32) ? "JSESSIONID"
						: (session.length() == 43) ? "session" : "__Host-next-auth.session-token";
				String header = (name.equals("JSESSIONID") || name.equals("connect.sid"))
						? "Cookie: theme=dark; " + name + "=" + session + "; lang=en-GB"
						: "Set-Cookie: " + name + "=" + session + "; Path=/; Secure; HttpOnly; SameSite=Lax";
				String url = name.equals("JSESSIONID")
						? "https://shop.acme.example/cart;jsessionid=" + session + "?item=42" : name + "=" + session;
				return Sample.of(header, session.replace("s%3A", "")).header(header).url(url);
			}),
			// Secrets known by their key
			new Format("generic-password",
					(r) -> Sample.keyed(r,
							r.pick("password", "db_password", "DB_PASS", "spring.datasource.password", "passwd", "pwd",
									"passphrase", "redis-password", "adminPassword", "PGPASSWORD"),
							r.password(12, 24, PASSWORD_SYMBOLS))),
			new Format("generic-secret",
					(r) -> Sample.keyed(r,
							r.pick("client_secret", "secret", "webhook_secret", "JWT_SECRET", "app.secret",
									"signing_key", "encryption_key", "master_key", "secret_key", "consumerSecret"),
							r.pick(r.base64(44), r.hex(64), r.alnum(32)))),
			new Format("generic-token", (r) -> Sample.keyed(r,
					r.pick("token", "auth_token", "access_token", "refresh_token", "X-Auth-Token", "session_token",
							"csrf_token", "id_token", "bot_token", "PRIVATE-TOKEN"),
					r.base64url(r.between(20, 60)))),
			new Format("generic-api-key", (r) -> Sample.keyed(r,
					r.pick("api_key", "apiKey", "X-Api-Key", "x-api-key", "API_KEY", "Ocp-Apim-Subscription-Key",
							"app_key", "ApiKey"),
					r.pick(r.alnum(r.between(32, 48)), r.hex(r.between(32, 48))))),
			new Format("env-export", (r) -> {
				String value = r.pick(r.base64url(40), r.hex(48), r.alnum(32));
				String name = r.pick("STRIPE_WEBHOOK_SECRET", "SLACK_SIGNING_SECRET", "SENTRY_AUTH_TOKEN", "NPM_TOKEN",
						"VAULT_TOKEN", "DATABASE_PASSWORD", "OPENAI_API_KEY", "CLOUDFLARE_API_TOKEN",
						"AZURE_CLIENT_SECRET");
				String quote = r.pick("", "\"", "'");
				return Sample.of("export " + name + "=" + quote + value + quote, value).url(name + "=" + value);
			}), new Format("xml-password", (r) -> {
				String password = r.password(12, 24, PASSWORD_SYMBOLS);
				return r
					.pick(Sample.of("<password>" + password + "</password>", password),
							Sample.of("<server><id>nexus</id><username>deploy</username><password>" + password
									+ "</password></server>", password),
							Sample.of("<add key=\"ApiKey\" value=\"" + password + "\" />", password))
					.url("password=" + encode(password));
			}), new Format("env-name-value", (r) -> {
				String value = r.pick(r.password(12, 24, PASSWORD_SYMBOLS), r.base64url(40));
				String name = r.pick("DB_PASSWORD", "API_TOKEN", "STRIPE_SECRET", "LEDGER_API_KEY");
				return r
					.pick(Sample.of("{\"name\": \"" + name + "\", \"value\": \"" + value + "\"}", value),
							Sample.of("- name: " + name + "\n  value: \"" + value + "\"", value),
							Sample.of("{\"name\":\"Authorization\",\"value\":\"Bearer " + value + "\"}", value))
					.url(name + "=" + encode(value));
			}));

	private SecretCorpus() {
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String armoured(String label, List<String> lines) {
		return "-----BEGIN " + label + "-----\n" + String.join("\n", lines) + "\n-----END " + label + "-----";
	}

	/** The lines of a key body, the fixed prefix of the first one left out. */
	private static String[] secretLines(List<String> lines, int prefixLength) {
		List<String> secrets = new ArrayList<>(lines);
		secrets.set(0, secrets.get(0).substring(prefixLength));
		return secrets.toArray(String[]::new);
	}

	/** A Kubernetes service-account token's three segments. */
	private static String[] kubernetesToken(CorpusRandom r) {
		String header = CorpusRandom.base64UrlOf("{\"alg\":\"RS256\",\"kid\":\"" + r.base64url(43) + "\"}");
		String namespace = r.pick("payments", "checkout", "ledger");
		String payload = CorpusRandom.base64UrlOf("{\"aud\":[\"https://kubernetes.default.svc.cluster.local\"],"
				+ "\"exp\":17" + r.digits(8) + ",\"iat\":17" + r.digits(8)
				+ ",\"iss\":\"https://kubernetes.default.svc.cluster.local\",\"kubernetes.io\":{\"namespace\":\""
				+ namespace + "\",\"pod\":{\"name\":\"" + namespace + "-api-" + r.of(CorpusRandom.KUBERNETES, 9) + "-"
				+ r.of(CorpusRandom.KUBERNETES, 5) + "\",\"uid\":\"" + r.uuid() + "\"},\"serviceaccount\":{\"name\":\""
				+ namespace + "-api\",\"uid\":\"" + r.uuid() + "\"}},\"nbf\":17" + r.digits(8)
				+ ",\"sub\":\"system:serviceaccount:" + namespace + ":" + namespace + "-api\"}");
		return new String[] { header, payload, r.base64url(342) };
	}

}
