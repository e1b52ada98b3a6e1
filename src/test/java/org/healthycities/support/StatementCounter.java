package org.healthycities.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * Counts the SQL statements and commits the current thread sends while a piece of work runs (a MockMvc request
 * runs on the test's thread), so a test can hold a hot path to its statement budget. Wraps the application's
 * data source in the shared test context; counts nothing unless a test asks, and never another thread's work.
 */
@Component
public class StatementCounter implements BeanPostProcessor {

    /** What one piece of work sent: its statements' SQL, in order, and how many commits. */
    public record Counts(List<String> statements, int commits) {
        public int count() {
            return statements.size();
        }
    }

    public interface Work {
        void run() throws Exception;
    }

    private static final ThreadLocal<Recording> COUNTING = new ThreadLocal<>();

    private static final class Recording {
        final List<String> statements = new ArrayList<>();
        int commits;
    }

    public static Counts count(Work work) throws Exception {
        Recording recording = new Recording();
        COUNTING.set(recording);
        try {
            work.run();
        } finally {
            COUNTING.remove();
        }
        return new Counts(List.copyOf(recording.statements), recording.commits);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof DataSource ds && !(bean instanceof Counting) ? new Counting(ds) : bean;
    }

    static final class Counting extends DelegatingDataSource {
        Counting(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return wrap(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return wrap(super.getConnection(username, password));
        }
    }

    private static Connection wrap(Connection connection) {
        return proxy(Connection.class, connection, (method, args) -> {
            Recording recording = COUNTING.get();
            if (recording != null && method.getName().equals("commit")) {
                recording.commits++;
            }
            Object result = method.invoke(connection, args);
            if (result instanceof Statement statement) {
                String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
                Class<? extends Statement> type = (Class<? extends Statement>) method.getReturnType();
                return wrap(type, statement, sql);
            }
            return result;
        });
    }

    private static <S extends Statement> S wrap(Class<S> type, Statement statement, String prepared) {
        return proxy(type, statement, (method, args) -> {
            Recording recording = COUNTING.get();
            if (recording != null && method.getName().startsWith("execute")) {
                recording.statements.add(args != null && args.length > 0 && args[0] instanceof String s ? s
                        : prepared);
            }
            return method.invoke(statement, args);
        });
    }

    private interface Call {
        Object invoke(Method method, Object[] args) throws Throwable;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Object target, Call call) {
        InvocationHandler handler = (p, method, args) -> {
            try {
                return call.invoke(method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
