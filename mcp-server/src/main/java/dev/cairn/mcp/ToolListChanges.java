package dev.cairn.mcp;

import io.modelcontextprotocol.server.McpSyncServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import dev.cairn.policy.PolicyService;

/**
 * Tells connected MCP clients that their tool lists may have changed
 * ({@code notifications/tools/list_changed}) when a new policy revision starts serving,
 * since {@code tools/list} is what the policy lets each caller see.
 */
@Component
class ToolListChanges {

	private static final Logger logger = LoggerFactory.getLogger(ToolListChanges.class);

	ToolListChanges(PolicyService policy, ObjectProvider<McpSyncServer> server) {
		policy.onNewRevision(() -> {
			McpSyncServer mcp = server.getIfAvailable();
			if (mcp != null) {
				logger.info("policy revision {} serving: telling MCP clients their tool lists changed",
						policy.revision());
				mcp.notifyToolsListChanged();
			}
		});
	}

}
