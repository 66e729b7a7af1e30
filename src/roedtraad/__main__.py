import sys

from roedtraad.cli import main

sys.exit(main())
