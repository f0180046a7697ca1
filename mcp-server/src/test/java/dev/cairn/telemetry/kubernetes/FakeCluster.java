package dev.cairn.telemetry.kubernetes;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.internal.MockDispatcher;
import io.fabric8.mockwebserver.internal.SimpleRequest;

/**
 * fabric8's mock API server in CRUD mode, with expectations for what CRUD mode does not
 * serve (pod logs, failures), and objects that keep the creation time the test gives
 * them.
 *
 * <p>
 * The mock server stamps every object with the moment it was posted, as an API server
 * does; but a cluster's objects were created minutes or days apart, by controllers the
 * mock does not have, and the adapter orders revisions and pods by that time. So
 * {@link #add} restores the {@code creationTimestamp} the test set, in the mock's store.
 */
final class FakeCluster implements AutoCloseable {

	/** Held so that the level sticks: the mock server logs every request at INFO. */
	private static final Logger MOCK_SERVER_LOG = Logger.getLogger("io.fabric8.mockwebserver");

	static {
		MOCK_SERVER_LOG.setLevel(Level.WARNING);
	}

	private final Map<ServerRequest, Queue<ServerResponse>> expectations = new HashMap<>();

	private final KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher();

	private final KubernetesMockServer server;

	private final KubernetesClient admin;

	FakeCluster() {
		MockDispatcher expected = new MockDispatcher(this.expectations);
		Dispatcher dispatcher = new Dispatcher() {

			@Override
			public MockResponse dispatch(RecordedRequest request) {
				Queue<ServerResponse> queued = FakeCluster.this.expectations
					.get(new SimpleRequest(HttpMethod.valueOf(request.getMethod()), request.getPath()));
				return (queued != null && !queued.isEmpty()) ? expected.dispatch(request)
						: FakeCluster.this.crud.dispatch(request);
			}

		};
		this.server = new KubernetesMockServer(new Context(Serialization.jsonMapper()), new MockWebServer(),
				this.expectations, dispatcher, false);
		this.server.init();
		this.admin = this.server.createClient(new JdkHttpClientFactory());
	}

	KubernetesMockServer server() {
		return this.server;
	}

	URI url() {
		return URI.create(this.server.url("/"));
	}

	/**
	 * Settings that reach this cluster with a bearer token, as a real deployment would.
	 */
	KubernetesSettings settings() {
		return KubernetesSettings.apiServer(url(), "fake-token-do-not-print");
	}

	/**
	 * Stores the objects, keeping their {@code creationTimestamp}; returns them as
	 * stored.
	 */
	@SafeVarargs
	final <T extends HasMetadata> T add(T... objects) {
		T last = null;
		for (T object : objects) {
			String created = object.getMetadata().getCreationTimestamp();
			last = this.admin.resource(object).create();
			if (created != null) {
				backdate(last, created);
				last.getMetadata().setCreationTimestamp(created);
			}
		}
		return last;
	}

	private void backdate(HasMetadata stored, String created) {
		for (Map.Entry<AttributeSet, String> entry : this.crud.getMap().entrySet()) {
			try {
				GenericKubernetesResource resource = Serialization.jsonMapper()
					.readValue(entry.getValue(), GenericKubernetesResource.class);
				if (stored.getKind().equals(resource.getKind())
						&& stored.getMetadata().getName().equals(resource.getMetadata().getName())
						&& stored.getMetadata().getNamespace().equals(resource.getMetadata().getNamespace())) {
					resource.getMetadata().setCreationTimestamp(created);
					entry.setValue(Serialization.jsonMapper().writeValueAsString(resource));
				}
			}
			catch (JsonProcessingException ex) {
				throw new IllegalStateException(ex);
			}
		}
	}

	@Override
	public void close() {
		this.admin.close();
		this.server.destroy();
	}

}
