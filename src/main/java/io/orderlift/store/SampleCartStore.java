package io.orderlift.store;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import static io.orderlift.store.db.Tables.SAMPLE_CARTS;
import io.orderlift.common.PlainJson;

/** Named sample carts of a store, for previewing recommendations on the same carts again and again. */
public final class SampleCartStore {

    /** One cart line. */
    public record Item(String sku, int quantity) {
    }

    /** A saved cart. */
    public record SampleCart(String name, List<Item> items) {
        public SampleCart {
            items = List.copyOf(items);
        }
    }

    private static final TypeReference<List<Item>> ITEMS = new TypeReference<>() { };

    private final Store store;

    public SampleCartStore(Store store) {
        this.store = store;
    }

    /** Saves (or overwrites) the cart {@code cart.name()}. */
    public void save(SampleCart cart) {
        if (cart.name() == null || cart.name().isBlank()) {
            throw new IllegalArgumentException("A sample cart needs a name.");
        }
        String items = write(cart.items());
        store.write(configuration -> {
            DSLContext ctx = DSL.using(configuration);
            ctx.deleteFrom(SAMPLE_CARTS).where(SAMPLE_CARTS.NAME.eq(cart.name().strip())).execute();
            ctx.insertInto(SAMPLE_CARTS).set(SAMPLE_CARTS.NAME, cart.name().strip()).set(SAMPLE_CARTS.ITEMS, items)
                    .set(SAMPLE_CARTS.SAVED_AT, OffsetDateTime.now(ZoneOffset.UTC)).execute();
            return null;
        });
    }

    /** Deletes the cart {@code name}; false when there was none. */
    public boolean delete(String name) {
        return store.write(configuration -> DSL.using(configuration).deleteFrom(SAMPLE_CARTS)
                .where(SAMPLE_CARTS.NAME.eq(name)).execute() > 0);
    }

    /** Every saved cart, by name. */
    public List<SampleCart> all() {
        return store.read(ctx -> ctx.selectFrom(SAMPLE_CARTS).orderBy(SAMPLE_CARTS.NAME)
                .fetch(r -> new SampleCart(r.getName(), read(r.getItems()))));
    }

    private static String write(List<Item> items) {
        try {
            return PlainJson.mapper().writeValueAsString(items);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Item> read(String json) {
        try {
            return PlainJson.mapper().readValue(json, ITEMS);
        } catch (JsonProcessingException e) {
            throw new StoreException("A saved sample cart cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
