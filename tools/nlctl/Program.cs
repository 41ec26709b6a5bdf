using Nlctl.Cli;

return await NlctlApp.RunAsync(args);
