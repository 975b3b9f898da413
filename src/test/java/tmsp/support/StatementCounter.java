package tmsp.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;

/** Counts the SQL statements the application prepares or creates, to prove a page has no N+1 queries. */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter implements BeanPostProcessor {

    private static final AtomicInteger count = new AtomicInteger();

    public static void reset() {
        count.set(0);
    }

    public static int count() {
        return count.get();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof Proxy)) {
            return proxy(DataSource.class, dataSource, true);
        }
        return bean;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, boolean dataSource) {
        return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> {
                    String name = method.getName();
                    if (!dataSource && (name.equals("prepareStatement") || name.equals("createStatement")
                            || name.equals("prepareCall"))) {
                        count.incrementAndGet();
                    }
                    try {
                        Object result = method.invoke(target, args);
                        if (dataSource && name.equals("getConnection")) {
                            return proxy(Connection.class, (Connection) result, false);
                        }
                        return result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
