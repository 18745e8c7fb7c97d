using ApprovalTests.Reporters;
using Handbook.Testing;

[assembly: UseReporter(typeof(QuietReporter))]
