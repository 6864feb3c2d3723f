package com.bookstore.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bookstore.engines.MotoExtension;
import com.bookstore.engines.MotoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The runbooks are followed under stress, during an outage: every operator command they (and the other docs)
 * give must be one the tool accepts, command, action and option for option, as OpsCommand checks a command line
 * before it touches anything.
 */
class RunbookCommandsTest {

    private static final Pattern FENCED = Pattern.compile("```[a-z]*\\n(.*?)```", Pattern.DOTALL);
    private static final String TOOL = "java -jar lambdas/ops/target/bookstore-ops.jar";

    @Test
    void everyOperatorCommandInTheRunbooksAndDocsIsOneTheToolAccepts() throws IOException {
        Path root = MotoServer.repositoryRoot();
        List<String> commands = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path doc : documents(root)) {
            for (String command : operatorCommands(Files.readString(doc))) {
                commands.add(command);
                Optional<String> problem = OpsCommand.problem(words(command).toArray(String[]::new));
                problem.ifPresent(p -> problems.add(root.relativize(doc) + ": " + command + "\n    " + p));
            }
        }

        assertEquals(List.of(), problems);
        // the docs hold fault, promote-blog-db (both modes), seed-blog, seed-catalogue, drill and region-switch commands:
        // all must have been found
        for (String expected : List.of(" fault on ", " fault off ", " fault status ", " promote-blog-db ", "--mode planned",
                "--mode unplanned", " seed-blog ", " seed-catalogue ", " drill ", " region-switch ")) {
            assertTrue(commands.stream().anyMatch(c -> (" " + c + " ").contains(expected)), "no command with '" + expected
                    + "' found in the docs: " + commands);
        }
    }

    @Test
    void eachRunbookThatMovesTheShopStartsWithTheRegionSwitchCommandForItsMove() throws IOException {
        Path runbooks = MotoServer.repositoryRoot().resolve("docs/runbooks");
        Map<String, String> firstCommand = new java.util.LinkedHashMap<>();
        for (String runbook : List.of("unplanned-failover.md", "planned-switchover.md", "failback.md")) {
            List<String> commands = operatorCommands(Files.readString(runbooks.resolve(runbook)));
            List<String> args = commands.isEmpty() ? List.of() : words(commands.get(0));
            firstCommand.put(runbook, String.join(" ", args.subList(0, Math.min(5, args.size()))));
        }

        assertEquals(Map.of(
                "unplanned-failover.md", "region-switch --to ap-southeast-1 --mode unplanned",
                "planned-switchover.md", "region-switch --to ap-southeast-1 --mode planned",
                "failback.md", "region-switch --to eu-west-1 --mode planned"), firstCommand);
    }

    @Test
    void aMistypedOptionOrActionIsWhatTheCheckCatches() {
        assertEquals(Optional.empty(), OpsCommand.problem(words(
                "promote-blog-db --global-cluster g --target-region r --mode unplanned --uploads-file-system fs")
                .toArray(String[]::new)));
        assertTrue(OpsCommand.problem(words("promote-blog-db --global-cluster g --target-region r --mode unplanned"
                + " --uploads-filesystem fs").toArray(String[]::new)).orElseThrow().contains("unknown option --uploads-filesystem"));
        assertTrue(OpsCommand.problem(words("fault enable --region r").toArray(String[]::new)).isPresent());
        assertTrue(OpsCommand.problem(words("promote-blog --mode planned").toArray(String[]::new)).isPresent());
        assertTrue(OpsCommand.problem(words("seed-blog --task").toArray(String[]::new)).isPresent());
    }

    private static List<Path> documents(Path root) throws IOException {
        List<Path> docs = new ArrayList<>();
        try (Stream<Path> runbooks = Files.list(root.resolve("docs/runbooks"))) {
            runbooks.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        for (String other : List.of("docs/failover.md", "docs/blog.md", "README.md", "pipeline/README.md")) {
            docs.add(root.resolve(other));
        }
        return docs;
    }

    /** The tool's arguments of each command in the document's code blocks, continuation lines joined. */
    static List<String> operatorCommands(String markdown) {
        List<String> commands = new ArrayList<>();
        Matcher block = FENCED.matcher(markdown);
        while (block.find()) {
            for (String line : block.group(1).replaceAll("\\\\\\n\\s*", " ").split("\\n")) {
                int at = line.indexOf(TOOL + " ");
                if (at >= 0) {
                    commands.add(line.substring(at + TOOL.length()).trim());
                }
            }
        }
        return commands;
    }

    /** Words as the shell splits them here: on blanks outside double quotes, quotes removed, a comment ends it. */
    static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean inWord = false;
        for (char c : command.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                inWord = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else if (c == '#' && !quoted && !inWord) {
                break;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
