package dev.cairn;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import dev.cairn.audit.AuditCommand;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CairnApplication {

	/** The flag that selects the stdio transport instead of HTTP. */
	static final String STDIO_FLAG = "--stdio";

	/** The first argument that runs a command instead of the server. */
	static final String AUDIT_COMMAND = "audit";

	public static void main(String[] args) {
		if (args.length > 0 && AUDIT_COMMAND.equals(args[0])) {
			// cairn audit verify: a command that needs the database, not the server.
			System.exit(AuditCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
		}
		SpringApplication.run(CairnApplication.class, translate(args));
	}

	/**
	 * {@code --stdio} is shorthand for adding the {@code stdio} profile to the active
	 * ones (the default {@code sandbox} profile stays active unless profiles are set
	 * explicitly).
	 */
	static String[] translate(String[] args) {
		List<String> out = new ArrayList<>();
		boolean stdio = false;
		for (String arg : args) {
			if (STDIO_FLAG.equals(arg)) {
				stdio = true;
			}
			else {
				out.add(arg);
			}
		}
		if (stdio) {
			out.add("--spring.profiles.include=stdio");
		}
		return out.toArray(String[]::new);
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
