package com.bookstore.ops.drill;

import java.util.List;

/**
 * Whether both regions' best-seller boards ended up equal, how long after traffic stopped that took,
 * and the boards last read ({@code bookId:sold} entries, best first).
 */
public record BoardConvergence(boolean converged, long waitedMillis, List<String> primaryBoard, List<String> secondaryBoard) {}
