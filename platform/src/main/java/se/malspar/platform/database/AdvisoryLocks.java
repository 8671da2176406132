package se.malspar.platform.database;

/**
 * Every PostgreSQL advisory lock Målspår takes, in one place, so that no two sections share a key
 * by accident. PostgreSQL keeps the one-{@code bigint} keys and the two-{@code int} keys apart (the
 * two key spaces do not overlap), so the per-aggregate locks below cannot collide with a
 * single-key lock.
 * <table>
 *   <tr><th>key</th><th>held by</th><th>scope</th></tr>
 *   <tr><td>({@value #AGGREGATE_CLASS}, hashtext(aggregate id))</td><td>each command on an
 *   existing or created aggregate, any command-side process</td><td>its transaction</td></tr>
 *   <tr><td>{@value #KOLADA_IMPORT}</td><td>a Kolada import</td><td>its own connection, for the
 *   whole import</td></tr>
 *   <tr><td>{@code 0x6d616c735f736c4c}</td><td>the integrity sealer (query side)</td><td>its own
 *   connection while it seals</td></tr>
 *   <tr><td>({@value #REPLAY_CLASS}, hashtext(processor name))</td><td>a projection replay
 *   (query side)</td><td>its own connection while the replay is being started</td></tr>
 * </table>
 */
public final class AdvisoryLocks {

    /** First key of the per-aggregate command locks ("mlsa"). */
    public static final int AGGREGATE_CLASS = 0x6d6c7361;
    /** The Kolada import ("mals_kol"). */
    public static final long KOLADA_IMPORT = 0x6d616c735f6b6f6cL;
    /** First key of the replay locks ("mlsr"). */
    public static final int REPLAY_CLASS = 0x6d6c7372;

    private AdvisoryLocks() {
    }
}
