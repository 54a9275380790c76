import ArgumentParser
import Timeline

extension OutputFormat: ExpressibleByArgument {}
