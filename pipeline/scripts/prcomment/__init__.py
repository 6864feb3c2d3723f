"""The pull-request preview comment: read `pulumi preview --json` of both stacks, render one comment, upsert it."""
