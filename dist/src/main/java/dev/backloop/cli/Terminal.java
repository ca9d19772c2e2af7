package dev.backloop.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;

/**
 * Where a command reads answers and writes messages; tests give it scripted input.
 *
 * @param in      answers to prompts
 * @param out     results and prompts
 * @param err     errors
 * @param console whether a person is at a terminal, so commands ask for values not given as options
 */
public record Terminal(BufferedReader in, PrintWriter out, PrintWriter err, boolean console) {
}
