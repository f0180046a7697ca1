package dev.cairn;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CairnApplication {

	/** The flag that selects the stdio transport instead of HTTP. */
	static final String STDIO_FLAG = "--stdio";

	public static void main(String[] args) {
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
