global using Netlink.Testing;
global using Nlctl.Tests.Infrastructure;
global using Xunit;
