console.log('build-node placeholder')
