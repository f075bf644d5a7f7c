using System.Globalization;
using C2C.Core.Ports;
using C2C.Core.Transit;

namespace C2C.Core.Dashboard;

/// <summary>A partner administration's link as the movements saw it: last message received from it and sent to it.</summary>
public sealed record LinkFigures(string Partner, DateTimeOffset? LastIn, DateTimeOffset? LastOut, long In, long Out);
