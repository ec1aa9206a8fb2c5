"""A child process's own peak memory, as source text the benches put into their child programs.

The benches measure imports in fresh `python -c` children, so the function travels as text.
"""

PEAK_MB = '''
import resource
def peak_mb():
    # VmHWM: this process's own peak; ru_maxrss would include the forking parent's (Linux)
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
'''
