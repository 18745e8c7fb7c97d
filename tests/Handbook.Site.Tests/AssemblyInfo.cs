using ApprovalTests.Reporters;

// No diff tool exists on these machines: a mismatch fails the test and leaves the .received. file for review.
[assembly: UseReporter(typeof(QuietReporter))]
