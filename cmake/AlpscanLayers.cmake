# One static library per layer, and layering enforced by the compiler.
#
# alpscan_layer(<layer> USES <lower layers> LINK <targets> FORBID <external headers>) builds
# src/<layer>/*.cpp into alpscan_<layer>. Its sources compile with a "guard" include directory searched
# before every other one: it holds a header that stops the compilation with #error for every header
# of a layer not in USES and for each FORBID header (e.g. nlohmann/json.hpp, boost/mpi.hpp). So a
# physics file that includes JSON or MPI, or a model file that includes an experiment, does not compile.
# The guard covers the layer's own sources; headers are checked through the sources that include them.

set(ALPSCAN_LAYERS core model physics stats experiments scan maps io app)

function(alpscan_write_guard dir header message)
  set(text "#error \"${message}\"\n")
  if(EXISTS ${dir}/${header})
    file(READ ${dir}/${header} old)
    if(old STREQUAL text)
      return()
    endif()
  endif()
  file(WRITE ${dir}/${header} "${text}")
endfunction()

function(alpscan_layer layer)
  cmake_parse_arguments(L "" "" "USES;LINK;FORBID;SOURCES" ${ARGN})
  file(GLOB srcs CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/${layer}/*.cpp)
  add_library(alpscan_${layer} STATIC ${srcs} ${L_SOURCES})
  target_include_directories(alpscan_${layer} PUBLIC ${CMAKE_SOURCE_DIR}/include)
  target_link_libraries(alpscan_${layer} PUBLIC ${L_LINK})

  set(guard ${CMAKE_BINARY_DIR}/layer_guard/${layer})
  foreach(other ${ALPSCAN_LAYERS})
    if(NOT other STREQUAL layer AND NOT other IN_LIST L_USES)
      file(GLOB headers RELATIVE ${CMAKE_SOURCE_DIR}/include CONFIGURE_DEPENDS
           ${CMAKE_SOURCE_DIR}/include/alpscan/${other}/*.hpp)
      foreach(h ${headers})
        alpscan_write_guard(${guard} ${h} "layering: ${layer}/ may not include ${h} (${layer} uses: ${L_USES}; see cmake/AlpscanLayers.cmake)")
      endforeach()
    endif()
  endforeach()
  foreach(h ${L_FORBID})
    alpscan_write_guard(${guard} ${h} "layering: ${layer}/ may not include <${h}> (see cmake/AlpscanLayers.cmake)")
  endforeach()
  target_include_directories(alpscan_${layer} BEFORE PRIVATE ${guard})
endfunction()
