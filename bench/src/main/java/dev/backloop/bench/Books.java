package dev.backloop.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's Book records, built in memory the way bench/seed.js writes them and shaped as the memory
 * connector stores them: ordered maps with Long, Double, String and Boolean values.
 */
final class Books {
    private static final String[] GENRES = {"fantasy", "science", "history", "poetry", "crime", "travel", "cooking", "biography"};
    private static final String[] AUTHORS = {"Ada Byron", "Alan Turing", "Grace Hopper", "Edsger Dijkstra",
        "Barbara Liskov", "Donald Knuth", "Frances Allen", "John Backus", "Niklaus Wirth", "Margaret Hamilton"};

    /** The where + order + limit of the load benchmark's {@code find} workload, as stringified JSON. */
    static final String FIND_JSON =
            "{\"where\":{\"genre\":\"fantasy\",\"year\":{\"gt\":1990}},\"order\":\"price DESC\",\"limit\":10}";
    /** The same filter in the qs form a browser or the Angular SDK sends. */
    static final String FIND_QS =
            "filter[where][genre]=fantasy&filter[where][year][gt]=1990&filter[order]=price%20DESC&filter[limit]=10";

    private Books() {
    }

    static List<Map<String, Object>> records(int count) {
        List<Map<String, Object>> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            records.add(Collections.unmodifiableMap(book(i)));
        }
        return records;
    }

    static Map<String, Object> book(int i) {
        Map<String, Object> book = new LinkedHashMap<>();
        book.put("title", "Book " + (i + 1) + ": " + GENRES[i % 8] + " volume " + (i / 8));
        book.put("author", AUTHORS[(i * 7) % AUTHORS.length]);
        book.put("genre", GENRES[i % GENRES.length]);
        book.put("year", (long) (1950 + (i * 37) % 75));
        book.put("price", 5 + ((i * 7919L) % 10000) / 100.0);
        book.put("pages", (long) (100 + (i * 13) % 900));
        book.put("inStock", i % 3 != 0);
        book.put("id", (long) (i + 1));
        return book;
    }
}
