package dev.cairn;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CairnApplication {

	public static void main(String[] args) {
		SpringApplication.run(CairnApplication.class, args);
	}

}
