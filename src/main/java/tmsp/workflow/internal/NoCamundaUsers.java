package tmsp.workflow.internal;

import java.util.List;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.camunda.bpm.engine.identity.NativeUserQuery;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.TenantQuery;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.impl.GroupQueryImpl;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.TenantQueryImpl;
import org.camunda.bpm.engine.impl.UserQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/**
 * The portal owns users and roles; Camunda's identity service is read-only and knows nobody. Without this,
 * Camunda's web apps see a writable, empty user table and send every administrator to their "create the first
 * admin user" page, and its Admin app would offer to keep a second set of users.
 */
@Component
class NoCamundaUsers extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityProviderSessionFactory(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return Provider.class;
            }

            @Override
            public Session openSession() {
                return new Provider();
            }
        });
    }

    /** Finds no user, group or tenant. */
    static class Provider implements ReadOnlyIdentityProvider {

        @Override
        public User findUserById(String userId) {
            return null;
        }

        @Override
        public UserQuery createUserQuery() {
            return new NoUsers(executor());
        }

        @Override
        public UserQuery createUserQuery(CommandContext commandContext) {
            return new NoUsers(executor());
        }

        @Override
        public NativeUserQuery createNativeUserQuery() {
            throw new UnsupportedOperationException("The portal keeps its users; Camunda has none to query");
        }

        @Override
        public boolean checkPassword(String userId, String password) {
            return false;
        }

        @Override
        public Group findGroupById(String groupId) {
            return null;
        }

        @Override
        public GroupQuery createGroupQuery() {
            return new NoGroups(executor());
        }

        @Override
        public GroupQuery createGroupQuery(CommandContext commandContext) {
            return new NoGroups(executor());
        }

        @Override
        public Tenant findTenantById(String tenantId) {
            return null;
        }

        @Override
        public TenantQuery createTenantQuery() {
            return new NoTenants(executor());
        }

        @Override
        public TenantQuery createTenantQuery(CommandContext commandContext) {
            return new NoTenants(executor());
        }

        private static CommandExecutor executor() {
            return Context.getProcessEngineConfiguration().getCommandExecutorTxRequired();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    static class NoUsers extends UserQueryImpl {
        NoUsers(CommandExecutor executor) {
            super(executor);
        }

        @Override
        public long executeCount(CommandContext commandContext) {
            return 0;
        }

        @Override
        public List<User> executeList(CommandContext commandContext, Page page) {
            return List.of();
        }
    }

    static class NoGroups extends GroupQueryImpl {
        NoGroups(CommandExecutor executor) {
            super(executor);
        }

        @Override
        public long executeCount(CommandContext commandContext) {
            return 0;
        }

        @Override
        public List<Group> executeList(CommandContext commandContext, Page page) {
            return List.of();
        }
    }

    static class NoTenants extends TenantQueryImpl {
        NoTenants(CommandExecutor executor) {
            super(executor);
        }

        @Override
        public long executeCount(CommandContext commandContext) {
            return 0;
        }

        @Override
        public List<Tenant> executeList(CommandContext commandContext, Page page) {
            return List.of();
        }
    }
}
