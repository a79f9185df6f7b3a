package io.orderlift.samples;

import java.io.IOException;

/** Where generated orders go, in time order. */
interface OrderSink {

    void accept(GeneratedOrder order) throws IOException;
}
