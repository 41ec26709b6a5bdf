using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Netlink.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
