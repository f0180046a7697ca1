package dev.cairn.telemetry.kubernetes;

import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
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
 *
 * <p>
 * Routes ({@link #route}) answer what neither an expectation nor CRUD mode serves, such
 * as every pod's log at once, computed from the request.
 */
public final class FakeCluster implements AutoCloseable {

	/** Held so that the level sticks: the mock server logs every request at INFO. */
	private static final Logger MOCK_SERVER_LOG = Logger.getLogger("io.fabric8.mockwebserver");

	static {
		MOCK_SERVER_LOG.setLevel(Level.WARNING);
	}

	private final Map<ServerRequest, Queue<ServerResponse>> expectations = new HashMap<>();

	private final KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher();

	private final List<Function<RecordedRequest, MockResponse>> routes = new CopyOnWriteArrayList<>();

	private final KubernetesMockServer server;

	private final KubernetesClient admin;

	public FakeCluster() {
		MockDispatcher expected = new MockDispatcher(this.expectations);
		Dispatcher dispatcher = new Dispatcher() {

			@Override
			public MockResponse dispatch(RecordedRequest request) {
				Queue<ServerResponse> queued = FakeCluster.this.expectations
					.get(new SimpleRequest(HttpMethod.valueOf(request.getMethod()), request.getPath()));
				if (queued != null && !queued.isEmpty()) {
					return expected.dispatch(request);
				}
				for (Function<RecordedRequest, MockResponse> route : FakeCluster.this.routes) {
					MockResponse answer = route.apply(request);
					if (answer != null) {
						return answer;
					}
				}
				return FakeCluster.this.crud.dispatch(request);
			}

		};
		this.server = new KubernetesMockServer(new Context(Serialization.jsonMapper()), new MockWebServer(),
				this.expectations, dispatcher, false);
		this.server.init();
		this.admin = this.server.createClient(new JdkHttpClientFactory());
	}

	/**
	 * Answers the requests the route returns a response for (it returns {@code null} for
	 * the others), before CRUD mode.
	 */
	public void route(Function<RecordedRequest, MockResponse> route) {
		this.routes.add(route);
	}

	KubernetesMockServer server() {
		return this.server;
	}

	public URI url() {
		return URI.create(this.server.url("/"));
	}

	/**
	 * Settings that reach this cluster with a bearer token, as a real deployment would.
	 */
	public KubernetesSettings settings() {
		return KubernetesSettings.apiServer(url(), "fake-token-do-not-print");
	}

	/**
	 * Stores the objects, keeping their {@code creationTimestamp}; returns them as
	 * stored.
	 */
	@SafeVarargs
	public final <T extends HasMetadata> T add(T... objects) {
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

	/**
	 * The adapter connected to this cluster, reading time from {@code clock} (the
	 * snapshot's {@code observedAt}).
	 */
	public KubernetesDeploymentStates states(Clock clock) {
		return new KubernetesDeploymentStates(settings(), KubernetesClients.create(settings()), clock);
	}

	@Override
	public void close() {
		this.admin.close();
		this.server.destroy();
	}

}
