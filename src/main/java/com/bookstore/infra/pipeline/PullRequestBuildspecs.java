package com.bookstore.infra.pipeline;

/**
 * The buildspecs of the pull-request actions that hold something worth stealing (a comment token, read access to
 * the state). They are defined here, in the deployed program, not read from the source: a pull request can change
 * every file of its own tree, including {@code pipeline/buildspecs/}, but not what the pipeline already runs
 * (pipeline/README.md, "Pull requests").
 */
final class PullRequestBuildspecs {

    private PullRequestBuildspecs() {
    }

    /**
     * The reporter: its source directory is the branch's own head ({@code TrustedSource}); it runs the branch's
     * {@code report_pr.py}, which finds the untrusted {@code PlanOutput} (and {@code PreviewOutput}, when present)
     * in CodeBuild's {@code CODEBUILD_SRC_DIR_<artifact>} variables and reads them as text, never as code.
     */
    static final String REPORT = """
            version: 0.2
            env:
              shell: bash
            phases:
              build:
                commands:
                  - pipeline/scripts/report_pr.py
            """;

    /**
     * The gated preview: the approved commit's scripts and program under {@code pulumi preview} (a maintainer has
     * read them before approving), with a read-only role and token; its one output is the previews' JSON.
     */
    static final String PREVIEW = """
            version: 0.2
            env:
              shell: bash
              variables:
                PREVIEW_STACKS: primary secondary
                PULUMI_SKIP_UPDATE_CHECK: "true"
            phases:
              install:
                runtime-versions:
                  java: corretto17
                  nodejs: 20
                commands:
                  - pipeline/scripts/install-pulumi.sh
              build:
                commands:
                  - pipeline/scripts/pr-preview.sh
            artifacts:
              name: PreviewOutput
              base-directory: build/preview
              files:
                - '*.json'
            """;
}
