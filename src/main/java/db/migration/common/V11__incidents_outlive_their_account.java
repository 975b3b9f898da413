package db.migration.common;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * An account's incidents stay after the account is deleted, until log maintenance purges them: the foreign key
 * from incidents to accounts (on delete cascade) goes. In Java because V9 left the constraint unnamed, and H2 and
 * PostgreSQL name it differently; the database's metadata tells its name.
 */
public class V11__incidents_outlive_their_account extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        for (String constraint : foreignKeysToAccounts(connection.getMetaData())) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("alter table incidents drop constraint \"" + constraint + "\"");
            }
        }
    }

    private static List<String> foreignKeysToAccounts(DatabaseMetaData metadata) throws SQLException {
        List<String> names = new ArrayList<>();
        // H2 keeps unquoted names in upper case, PostgreSQL in lower case.
        for (String table : List.of("incidents", "INCIDENTS")) {
            try (ResultSet keys = metadata.getImportedKeys(null, null, table)) {
                while (keys.next()) {
                    if ("accounts".equals(keys.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT))) {
                        names.add(keys.getString("FK_NAME"));
                    }
                }
            }
        }
        return names;
    }
}
