package tmsp.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;

/**
 * Counts the SQL statements the application prepares or creates on the thread that last called {@link #reset}, to
 * prove a page has no N+1 queries. Only that thread's: the job executor, schedules and event listeners of the shared
 * context prepare statements of their own at any moment (in CI a page once counted 3 statements, not 2).
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter implements BeanPostProcessor {

    private static final AtomicInteger count = new AtomicInteger();
    private static volatile Thread counted;

    /** Starts counting afresh, the statements of the calling thread (MockMvc runs a request on it). */
    public static void reset() {
        counted = Thread.currentThread();
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
                    boolean statement = name.equals("prepareStatement") || name.equals("createStatement")
                            || name.equals("prepareCall");
                    if (!dataSource && statement && Thread.currentThread() == counted) {
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
