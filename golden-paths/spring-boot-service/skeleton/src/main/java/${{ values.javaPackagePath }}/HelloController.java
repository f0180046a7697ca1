package ${{ values.javaPackage }};

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The first endpoint of the service; replace it with the real ones. */
@RestController
class HelloController {

	@GetMapping("/")
	Map<String, String> hello() {
		return Map.of("service", "${{ parameters.name }}", "status", "ok");
	}

}
